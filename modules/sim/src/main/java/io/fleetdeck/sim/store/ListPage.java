package io.fleetdeck.sim.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** One page of a list: its items, the token for the next page (empty when done) and the list's version. */
public record ListPage(List<StoredObject> items, String continueToken, long resourceVersion, long remaining) {

    /** The continue token of a page that ended at the object with this key. */
    static String continueAfter(String key) {
        return Base64.getUrlEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a continue token resumes after; null for no token (the first page). */
    static String keyAfter(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid continue token");
        }
    }
}
