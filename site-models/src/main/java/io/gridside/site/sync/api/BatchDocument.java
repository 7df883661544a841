package io.gridside.site.sync.api;

import java.util.List;
import java.util.Map;

/**
 * A batch of one up stream's items, as JSON before gzip compression. Each item is a JSON object whose shape is one
 * of {@link UpItems}' records; {@link SyncJson#item(Object)} and {@link SyncJson#item(Map, Class)} convert.
 *
 * @param first the seq of the first item
 * @param last the seq of the last item
 * @param prevHash for the ledger, the chain hash before {@code first} (null when {@code first} is 1); else null
 * @param lastHash for the ledger, the chain hash of {@code last}; else null
 * @param replaceFrom for the ledger, the seq from which the cloud drops its entries and takes these; else null
 */
public record BatchDocument(String stream, long first, long last, String prevHash, String lastHash,
        Long replaceFrom, List<Map<String, Object>> items) {

    public BatchDocument {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
