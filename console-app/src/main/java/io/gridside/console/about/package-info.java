/** The about screen: the version, the Java and JavaFX it runs on, the data folder, the libraries and licences. */
package io.gridside.console.about;
