/**
 * Firmware images and the trust in them: the image file and its signed manifest, the keys trusted to sign
 * firmware and their files, and the checks a console and a gateway both make before an image is sent or taken.
 */
package io.gridside.link.firmware;
