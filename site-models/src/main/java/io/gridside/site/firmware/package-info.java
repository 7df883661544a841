/**
 * Firmware as the site knows it: an image's signed manifest, the reasons an image is refused, and the meter
 * campaigns that roll an image out in waves, with their policy, their plan and where they stand.
 */
package io.gridside.site.firmware;
