/** The gateway's side of the link: checks the hello, answers requests and sends streams. */
package io.gridside.link.server;
