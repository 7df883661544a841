package io.gridside.link.message;

import java.time.LocalDate;
import java.util.Objects;

/** Opens a stream of one site day's mesh history document, answered by mesh-day batches and an end. */
public record GetMeshDay(LocalDate day) implements Message {

    public GetMeshDay {
        Objects.requireNonNull(day, "day");
    }
}
