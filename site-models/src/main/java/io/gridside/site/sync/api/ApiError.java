package io.gridside.site.sync.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every answer that is not a success.
 *
 * @param error a code of {@link SyncErrors}
 * @param message a sentence saying what happened and what to do
 * @param watermark with {@link SyncErrors#GAP}: the stream's watermark; else absent
 * @param received with {@link SyncErrors#OFFSET_BEYOND} and {@link SyncErrors#BATCH_INCOMPLETE}: the bytes held
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, Long watermark, Long received) {

    /** An error with neither watermark nor received. */
    public static ApiError of(String error, String message) {
        return new ApiError(error, message, null, null);
    }
}
