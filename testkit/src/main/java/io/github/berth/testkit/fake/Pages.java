package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.error.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Pagination as the List operations do it: {@code maxResults} items a page and an opaque
 * {@code nextToken} for the rest (the SDKs' paginators follow it). A token is the offset of the
 * next item, encoded; a token that was not given out is refused.
 */
final class Pages {

    private Pages() {}

    record Page<T>(List<T> items, @Nullable String nextToken) {}

    static <T> Page<T> page(
            List<T> all, @Nullable Integer maxResults, @Nullable String nextToken, int maxAllowed, int defaultSize) {
        int size = defaultSize;
        if (maxResults != null) {
            if (maxResults < 1 || maxResults > maxAllowed) {
                // [doc] The List operations take maxResults 1..100 (ListTaskDefinitions and others).
                throw new InvalidParameterException("maxResults must be between 1 and " + maxAllowed + ".");
            }
            size = maxResults;
        }
        int from = nextToken == null || nextToken.isEmpty() ? 0 : decode(nextToken);
        if (from > all.size()) {
            from = all.size();
        }
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? encode(to) : null;
        return new Page<>(List.copyOf(all.subList(from, to)), next);
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("berth-page:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String token) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (s.startsWith("berth-page:")) {
                int v = Integer.parseInt(s.substring("berth-page:".length()));
                if (v >= 0) {
                    return v;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw new InvalidParameterException("Invalid nextToken.");
    }
}
