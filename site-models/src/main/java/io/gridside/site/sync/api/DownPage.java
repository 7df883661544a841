package io.gridside.site.sync.api;

import java.util.List;
import java.util.Map;

/**
 * A page of a down stream: items (shapes of {@link DownItems}) after the request's cursor, the cursor after the
 * last of them, and whether more follow.
 *
 * @param cursor {@code <epoch>:<n>}, see {@link DownCursor}
 */
public record DownPage(List<Map<String, Object>> items, String cursor, boolean more) {

    public DownPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
