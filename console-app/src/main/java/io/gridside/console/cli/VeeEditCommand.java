package io.gridside.console.cli;

import io.gridside.site.vee.EstimateEdit;
import io.gridside.site.vee.GapEstimate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What {@code bill vee accept} and {@code bill vee override} share: the site of the parent command, the options
 * that name the gap and who edits it, and the steps of {@link VeeEditOptions#record}. Each says only what its
 * edit is and how to tell of it.
 */
abstract class VeeEditCommand implements Callable<Integer> {

    @ParentCommand
    VeeCommand vee;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    VeeEditOptions edit;

    /** The edit of {@code estimate}, made at {@code now}; refused with an {@link IllegalArgumentException}. */
    abstract EstimateEdit edit(GapEstimate estimate, Instant now);

    /** What the recorded edit did, in a sentence, times in {@code zone}. */
    abstract String sentence(GapEstimate estimate, EstimateEdit recorded, ZoneId zone);

    @Override
    public Integer call() {
        return edit.record(vee, command.commandLine().getOut(), this::edit, this::sentence);
    }
}
