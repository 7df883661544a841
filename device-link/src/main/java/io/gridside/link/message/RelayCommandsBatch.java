package io.gridside.link.message;

import io.gridside.site.RelayCommand;
import java.util.List;

/** One batch of the answer to a {@link GetRelayCommands}, in meter order. */
public record RelayCommandsBatch(List<RelayCommand> commands, long total) implements Message {

    public RelayCommandsBatch {
        commands = List.copyOf(commands);
    }
}
