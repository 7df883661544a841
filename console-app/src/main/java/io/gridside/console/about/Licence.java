package io.gridside.console.about;

/**
 * One library the console runs with: its Maven artifact, its version, and its licence as an SPDX expression
 * ("Apache-2.0", "EPL-1.0 OR LGPL-2.1-only").
 */
public record Licence(String artifact, String version, String licence) {

    /** Whether {@code jarName} ("javafx-base-21.0.11-linux.jar") is this library's jar, platform classifier or not. */
    public boolean names(String jarName) {
        String stem = artifact + "-" + version;
        return jarName.equals(stem + ".jar") || jarName.startsWith(stem + "-") && jarName.endsWith(".jar")
                && !Character.isDigit(jarName.charAt(stem.length() + 1));
    }
}
