package io.gridside.console.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Plain sentences for what picocli refuses while it reads the command line, in place of its own texts, which name
 * Java types ("'abc' is not a double") and exception classes.
 */
final class UsageLines {

    /** The value picocli quotes in a conversion failure, such as the 'abc' of "'abc' is not a double". */
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern WAS = Pattern.compile(" but was (.*)$");

    private UsageLines() {
    }

    /** The line for {@code e}, without its code: what was wrong and what to give instead. */
    static String of(CommandLine.ParameterException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Missing required subcommand")) {
            return missingSubcommand(e.getCommandLine());
        }
        ArgSpec arg = e.getArgSpec();
        boolean badValue = message.startsWith("Invalid value for ") || message.startsWith("Value for option ");
        if (arg == null || !badValue) {
            return sentence(message) + helpHint(e.getCommandLine());
        }
        String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
        String value = value(e, message);
        return name + " takes " + expected(arg) + (value == null ? "" : "; '" + value + "' is not one") + "."
                + helpHint(e.getCommandLine());
    }

    private static String missingSubcommand(CommandLine commandLine) {
        String command = commandLine.getCommandSpec().qualifiedName();
        List<String> names = List.copyOf(commandLine.getSubcommands().keySet());
        String choices = names.size() < 2 ? String.join("", names) : String.join(", ", names.subList(0,
                names.size() - 1)) + " or " + names.get(names.size() - 1);
        return "Say what " + command + " should do: add one of " + choices + " after its options."
                + helpHint(commandLine);
    }

    /** What an option of {@code arg}'s type takes, in words. */
    private static String expected(ArgSpec arg) {
        Class<?> type = arg.type();
        if (Map.class.isAssignableFrom(type)) {
            return "NAME=VALUE with a whole number, such as maxOfflineCashCreditMinor=500000";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            int word = arg.paramLabel().indexOf('|');
            return "a number, such as 2.5" + (word < 0 ? "" : ", or " + arg.paramLabel().substring(word + 1));
        }
        if (type == Instant.class) {
            return "an instant in UTC, such as 2026-07-01T00:00:00Z";
        }
        if (type == Path.class) {
            return "a file's path";
        }
        return arg.paramLabel();
    }

    /** The value that was refused, as picocli quotes it. */
    private static String value(CommandLine.ParameterException e, String message) {
        Matcher was = WAS.matcher(message);
        if (was.find()) {
            return was.group(1);
        }
        int colon = message.indexOf(": ");
        Matcher quoted = QUOTED.matcher(colon < 0 ? message : message.substring(colon));
        return quoted.find() ? quoted.group(1) : e.getValue();
    }

    private static String helpHint(CommandLine commandLine) {
        return " (see " + commandLine.getCommandSpec().qualifiedName() + " --help)";
    }

    private static String sentence(String message) {
        String text = message.strip();
        return text.endsWith(".") || text.isEmpty() ? text : text + ".";
    }
}
