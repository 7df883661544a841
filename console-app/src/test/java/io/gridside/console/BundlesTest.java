package io.gridside.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.CreditState;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console's bundles say the same things in every language: each translation has exactly English's keys, each
 * pattern takes the same arguments and quotes its apostrophes as the reader reads them, and every key the code asks
 * for is in English, so no screen shows a raw key in any language.
 */
class BundlesTest {

    private static final Pattern KEY_USE = Pattern.compile("I18n\\.text\\(\\s*\"([A-Za-z0-9_.-]+)\"\\s*[,)]");
    /** An argument's place, {0} or {1,number}, outside quoted text. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    /** An apostrophe on its own, which MessageFormat reads as the start of quoted text. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void everyKeyUsedInTheCodeIsInAnEnglishBundle() throws IOException {
        Set<String> english = new TreeSet<>();
        for (String bundle : I18n.BUNDLES) {
            english.addAll(load(bundle, Locale.ENGLISH).stringPropertyNames());
        }
        Set<String> used = keysUsedIn(Path.of("src", "main", "java"));

        assertThat(used).as("keys found in the sources").hasSizeGreaterThan(200);
        assertThat(used).allSatisfy(key -> assertThat(english).as(key).contains(key));
    }

    @Test
    void noKeyIsInTwoBundles() {
        Map<String, String> owner = new HashMap<>();
        for (String bundle : I18n.BUNDLES) {
            for (String key : load(bundle, Locale.ENGLISH).stringPropertyNames()) {
                String before = owner.put(key, bundle);
                assertThat(before).as("%s is in %s and %s", key, before, bundle).isNull();
            }
        }
    }

    @Test
    void everyTranslationHasExactlyEnglishsKeys() {
        for (String bundle : I18n.BUNDLES) {
            Set<String> english = load(bundle, Locale.ENGLISH).stringPropertyNames();
            for (Locale language : translations()) {
                Set<String> translated = load(bundle, language).stringPropertyNames();
                assertThat(translated).as("%s in %s", bundle, language).containsExactlyInAnyOrderElementsOf(english);
            }
        }
    }

    @Test
    void everyTranslatedPatternTakesEnglishsArguments() {
        for (String bundle : I18n.BUNDLES) {
            Properties english = load(bundle, Locale.ENGLISH);
            for (Locale language : translations()) {
                Properties translated = load(bundle, language);
                for (String key : translated.stringPropertyNames()) {
                    assertThat(arguments(translated.getProperty(key))).as("%s of %s in %s", key, bundle, language)
                            .isEqualTo(arguments(english.getProperty(key, "")));
                }
            }
        }
    }

    /**
     * The reader formats a pattern only when it is given arguments: there an apostrophe must be doubled, and
     * elsewhere it must not be, or the screen shows two.
     */
    @Test
    void everyPatternQuotesItsApostrophesAsTheReaderReadsThem() {
        for (String bundle : I18n.BUNDLES) {
            Properties english = load(bundle, Locale.ENGLISH);
            for (Locale language : I18n.LANGUAGES) {
                Properties patterns = load(bundle, language);
                for (String key : patterns.stringPropertyNames()) {
                    String pattern = patterns.getProperty(key);
                    String where = key + " of " + bundle + " in " + language;
                    if (arguments(english.getProperty(key, "")).isEmpty()) {
                        assertThat(pattern).as(where).doesNotContain("''");
                    } else {
                        assertThat(LONE_APOSTROPHE.matcher(pattern).find()).as(where).isFalse();
                        assertThat(new MessageFormat(pattern, language).toPattern()).as(where).isNotEmpty();
                    }
                }
            }
        }
    }

    @Test
    void everyBundleFileIsUtf8() throws IOException {
        for (String bundle : I18n.BUNDLES) {
            for (Locale language : I18n.LANGUAGES) {
                byte[] bytes;
                try (InputStream in = BundlesTest.class.getResourceAsStream(resource(bundle, language))) {
                    assertThat(in).as(resource(bundle, language)).isNotNull();
                    bytes = in.readAllBytes();
                }
                assertThat(decodesAsUtf8(bytes)).as(resource(bundle, language)).isTrue();
            }
        }
    }

    @Test
    void switchingTheLanguageSwitchesEveryBundle() {
        I18n.use(Locale.FRENCH);

        for (String bundle : I18n.BUNDLES) {
            Properties french = load(bundle, Locale.FRENCH);
            String key = french.stringPropertyNames().iterator().next();
            assertThat(I18n.text(key)).as(key).isEqualTo(french.getProperty(key));
        }
        assertThat(I18n.text("nav.dashboard")).isNotEqualTo(load(I18n.BUNDLES.get(0), Locale.ENGLISH)
                .getProperty("nav.dashboard"));
        assertThat(I18n.locale()).isEqualTo(Locale.FRENCH);
    }

    @Test
    void aLanguageTheConsoleDoesNotSpeakGivesEnglish() {
        I18n.use(Locale.JAPANESE);

        assertThat(I18n.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(I18n.text("settings.theme")).isEqualTo("Theme");
    }

    @Test
    void everyCreditStateHasAName() {
        Properties messages = load("io.gridside.console.messages", Locale.ENGLISH);

        for (CreditState state : CreditState.values()) {
            assertThat(messages.containsKey("state." + state)).as(state.name()).isTrue();
        }
    }

    @Test
    void aMissingKeyShowsAsMarkedNotAsBlank() {
        assertThat(I18n.text("no.such.key")).isEqualTo("!no.such.key!");
    }

    private static Set<String> arguments(String pattern) {
        Set<String> places = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            places.add(matcher.group(1));
        }
        return places;
    }

    private static Iterable<Locale> translations() {
        return I18n.LANGUAGES.subList(1, I18n.LANGUAGES.size());
    }

    private static String resource(String bundle, Locale language) {
        String base = "/" + bundle.replace('.', '/');
        return language.equals(Locale.ENGLISH) ? base + ".properties" : base + "_" + language.getLanguage()
                + ".properties";
    }

    /** One file of a bundle as it is written, without the fallback a ResourceBundle would give. */
    private static Properties load(String bundle, Locale language) {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(resource(bundle, language))) {
            assertThat(in).as(resource(bundle, language)).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(resource(bundle, language) + " could not be read", e);
        }
        return properties;
    }

    private static boolean decodesAsUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Set<String> keysUsedIn(Path sources) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_USE.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }
}
