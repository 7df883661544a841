package io.gridside.site.sync;

/**
 * Where the site's cloud is and how to trust it.
 *
 * @param cloudUrl the cloud's base URL, such as {@code https://127.0.0.1:8443}
 * @param pin the pin of its certificate or issuer: {@code sha256/<base64 of the SubjectPublicKeyInfo's SHA-256>}
 */
public record SyncConfig(String cloudUrl, String pin) {
}
