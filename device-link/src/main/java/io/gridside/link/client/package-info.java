/** The console's side of the link: connect, say hello, ask, and pull streams with progress and cancel. */
package io.gridside.link.client;
