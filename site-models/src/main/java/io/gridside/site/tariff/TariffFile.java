package io.gridside.site.tariff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a tariff schedule from its JSON file, whose fields are those of {@link TariffSchedule} and its parts; an
 * effective-from time is written as local time, such as {@code "2024-03-05T12:00"}. A price or amount is
 * required; a lifeline flag left out is false.
 *
 * <p>A file that is not the right shape fails with the field it breaks, in the same form as a validation problem.
 */
public final class TariffFile {

    /**
     * Strict: a price with decimals, a number written as text, a null where a number belongs, a key given twice or
     * text after the object is refused rather than read as something the technician did not write.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new SimpleModule().addDeserializer(LocalDateTime.class, new LocalTimeReader()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .withConfigOverride(long.class, price -> price.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL)))
            .build();

    /** Writes what {@link #JSON} reads: local times as text, absent fields left out, one field a line. */
    private static final ObjectMapper WRITER = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(LocalDateTime.class, ToStringSerializer.instance))
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** The text value a reader's coercion message quotes, as in {@code String value ("yes") to ...}. */
    private static final Pattern QUOTED_VALUE = Pattern.compile("String value \\((\"[^\"]*\")\\)");

    /** How the reader begins its message about a key given twice in one object. */
    private static final String DUPLICATE = "Duplicate field ";

    private TariffFile() {
    }

    /**
     * The schedule in {@code file}, not yet validated.
     *
     * @throws InvalidTariffException when the file is JSON of the wrong shape, naming the field
     * @throws IOException when the file cannot be read or is not JSON
     */
    public static TariffSchedule read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** {@code schedule} as the JSON text of a tariff file, which {@link #parse} reads back equal. */
    public static String write(TariffSchedule schedule) {
        try {
            return WRITER.writeValueAsString(schedule) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tariff schedule could not be written as JSON.", e);
        }
    }

    /**
     * The schedule in {@code json}, not yet validated. Every choice the file names wrongly (a period, a day type, a
     * charge's kind) is a problem of its own, so that one reading lists them all; reading stops at the first problem
     * of any other kind, which joins them.
     */
    public static TariffSchedule parse(String json) throws IOException {
        List<TariffProblem> choices = new ArrayList<>();
        try {
            TariffSchedule schedule = JSON.reader().withHandler(new ChoiceCollector(choices))
                    .readValue(json, TariffSchedule.class);
            if (schedule == null) {
                throw new InvalidTariffException(List.of(new TariffProblem("(file)",
                        "is null; a tariff file holds one JSON object")));
            }
            if (!choices.isEmpty()) {
                throw new InvalidTariffException(choices);
            }
            return schedule;
        } catch (JsonMappingException e) {
            choices.add(new TariffProblem(field(e.getPath()), wrongShape(e)));
            throw new InvalidTariffException(choices);
        } catch (StreamReadException e) {
            choices.add(new TariffProblem("(file)", notJson(e)));
            throw new InvalidTariffException(choices);
        }
    }

    /**
     * Notes a choice that is none of its values, with the field that holds it, and reads it as the choice's first
     * value so that reading goes on to the next problem; a schedule read with any such note is never returned.
     */
    private static final class ChoiceCollector extends DeserializationProblemHandler {

        private final List<TariffProblem> problems;

        ChoiceCollector(List<TariffProblem> problems) {
            this.problems = problems;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> type, String value,
                String failure) throws IOException {
            if (!type.isEnum()) {
                return NOT_HANDLED;
            }
            problems.add(new TariffProblem(field(context.getParser().getParsingContext()),
                    expected(type) + ", was \"" + value + "\""));
            return type.getEnumConstants()[0];
        }
    }

    /** Where the reader stands, as a field name such as {@code versions[1].standing.period}. */
    private static String field(JsonStreamContext where) {
        List<String> steps = new ArrayList<>();
        for (JsonStreamContext step = where; step != null && !step.inRoot(); step = step.getParent()) {
            if (step.inObject() && step.getCurrentName() != null) {
                steps.add(0, "." + step.getCurrentName());
            } else if (step.inArray()) {
                steps.add(0, "[" + Math.max(0, step.getCurrentIndex()) + "]");
            }
        }
        String field = String.join("", steps);
        return field.isEmpty() ? "(file)" : field.startsWith(".") ? field.substring(1) : field;
    }

    /**
     * What is wrong with a field, in the tariff's own terms: the kind of value it takes and, for a choice, the
     * values allowed, never the reader's class names.
     */
    private static String wrongShape(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "is not a field here; the fields here are " + unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidNullException) {
            return "must be a whole number, not null";
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith(DUPLICATE)) {
            return twice(original);
        }
        if (original.startsWith("Missing required creator property")) {
            return "is required";
        }
        if (original.startsWith("Trailing token")) {
            return "has more after the tariff's closing brace; a tariff file holds one JSON object";
        }
        if (e.getCause() instanceof DateTimeParseException) {
            return original;
        }
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        return expected(type) + was(e, original);
    }

    /** What the file held instead, as ", was \"yes\"", when the reader said; else nothing. */
    private static String was(JsonMappingException e, String original) {
        if (e instanceof InvalidFormatException format && format.getValue() != null) {
            return ", was \"" + format.getValue() + "\"";
        }
        Matcher text = QUOTED_VALUE.matcher(original);
        return text.find() ? ", was " + text.group(1) : "";
    }

    /** The kind of value a field of {@code type} takes, as a sentence's end: "must be a whole number". */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong form";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "must be a whole number, without decimals or quotes";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false, without quotes";
        }
        if (type == String.class) {
            return "must be text in quotes";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "must be a list in [ ]";
        }
        return "must be an object in { }";
    }

    /** Why a file is not JSON, with where: a key given twice is named. */
    private static String notJson(StreamReadException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        if (original.startsWith(DUPLICATE)) {
            return twice(original) + where;
        }
        if (original.startsWith("Unexpected end-of-input")) {
            return "is not JSON" + where + ": it ends too soon, a closing } or ] is missing";
        }
        if (original.startsWith("Unexpected character") || original.startsWith("Unrecognized token")) {
            return "is not JSON" + where + ": what stands there has no place in JSON (text needs double quotes)";
        }
        return "is not JSON" + where;
    }

    /** A key given twice, as "gives the key 'price' twice in one object". */
    private static String twice(String original) {
        return "gives the key " + original.substring(DUPLICATE.length()).lines().findFirst().orElse("").strip()
                + " twice in one object";
    }

    /** A Jackson path as a field name such as {@code versions[1].tou[2].to}. */
    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? "(file)" : field.toString();
    }

    /** Reads a local date and time as ISO 8601 text without offset. */
    private static final class LocalTimeReader extends StdDeserializer<LocalDateTime> {

        LocalTimeReader() {
            super(LocalDateTime.class);
        }

        @Override
        public LocalDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return LocalDateTime.parse(text == null ? "" : text);
            } catch (DateTimeParseException e) {
                throw JsonMappingException.from(parser, "must be a local time such as 2024-03-05T12:00, was "
                        + text, e);
            }
        }
    }
}
