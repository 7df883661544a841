package io.gridside.console.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The redaction pass replaces what it was told and what looks personal or secret, and leaves the rest readable. */
class RedactorTest {

    private static final byte[] SALT = "a salt for tests".getBytes(StandardCharsets.UTF_8);

    private final Redactor redactor = Redactor.withSalt(SALT)
            .person("C-0001", List.of("Neema Juma", "+255711000111", "Plot 9 Mto Lane"))
            .person("C-0002", List.of("Neema"))
            .secret("sha256/OnlyThisSiteKnowsIt")
            .build();

    @Test
    void replacesEveryValueOfAPersonByTheSamePseudonymWhateverTheCase() {
        String pseudonym = redactor.pseudonym("C-0001");

        String text = redactor.redact("Top-up for NEEMA JUMA (C-0001), phone +255711000111, at Plot 9 Mto Lane.");

        assertThat(text).isEqualTo("Top-up for " + pseudonym + " (" + pseudonym + "), phone " + pseudonym + ", at "
                + pseudonym + ".");
        assertThat(pseudonym).matches("person-[0-9a-f]{8}");
    }

    @Test
    void replacesTheLongestValueFirstAndOnlyWholeWords() {
        String text = redactor.redact("Neema Juma met Neema; Neemas and C-00010 stay.");

        assertThat(text).isEqualTo(redactor.pseudonym("C-0001") + " met " + redactor.pseudonym("C-0002")
                + "; Neemas and C-00010 stay.");
    }

    @Test
    void pseudonymsDifferBetweenSalts() {
        Redactor other = Redactor.withSalt("another salt".getBytes(StandardCharsets.UTF_8)).build();

        assertThat(other.pseudonym("C-0001")).isNotEqualTo(redactor.pseudonym("C-0001"));
        assertThat(Redactor.withSalt(SALT).build().pseudonym("C-0001")).isEqualTo(redactor.pseudonym("C-0001"));
    }

    @Test
    void replacesWhatLooksLikeAPhoneNumberAnEmailAddressOrACredential() {
        String text = redactor.redact("call +254 722 123 456 or 0712345678, mail a.b@example.org; pin=1234, "
                + "token: \"abc.def\", password=hunter2, the pin is sha256/OnlyThisSiteKnowsIt");

        assertThat(text).isEqualTo("call [removed-phone] or [removed-phone], mail [removed-email]; "
                + "pin=[removed-secret], token: \"[removed-secret]\", password=[removed-secret], "
                + "the pin is [removed-secret]");
    }

    @Test
    void replacesKeysAndLongHashesButNotPathsWordsOrFigures() {
        String keyed = redactor.redact("key q83vEjRWeJBUgaO1Ck8vY3hkm6dbP2sPzCeM8aZ+Tc0= and hash "
                + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d1c15b0f00a08.");
        String plain = redactor.redact("2026-12-05T10:00:01Z INFO [gateway-worker-/127.0.0.1:52902] Pulled 96 "
                + "readings of M00001 into /home/tech/.local/share/gridside/sites/site-42.db in 1234567 us.");

        assertThat(keyed).isEqualTo("key [removed-key] and hash [removed-key].");
        assertThat(plain).isEqualTo("2026-12-05T10:00:01Z INFO [gateway-worker-/127.0.0.1:52902] Pulled 96 "
                + "readings of M00001 into /home/tech/.local/share/gridside/sites/site-42.db in 1234567 us.");
    }

    @Test
    void replacesPhoneNumbersInTheirUsualWrittenForms() {
        List<String> phones = List.of("0722 111 222", "0722-111-222", "0722.111.222", "0722111222", "022 211 1222",
                "+255 712 345 678", "+255-712-345-678", "+255712345678", "+254 7 1234 5678", "254700000123",
                "(0700) 000 123", "(07) 0000 0123", "+254 (0) 700 000 123", "+254(0)700000123", "tel:+254700000123",
                "TEL:0700000123");

        for (String phone : phones) {
            assertThat(redactor.redact("call " + phone + ", then")).as(phone)
                    .isEqualTo("call [removed-phone], then");
        }
        assertThat(redactor.redact("0722 111 222 paid 5000 TZS")).isEqualTo("[removed-phone] paid 5000 TZS");
    }

    @Test
    void leavesDatesAmountsSerialsAndTimesThatLookLikePhoneNumbers() {
        List<String> figures = List.of("2026-12-05", "05.12.2026 10:00", "05/12/2026", "10:00:01",
                "2026-12-05T10:00:01Z", "1 234 567 TZS", "12,500.00", "0.0722 111 222", "SN-0722111222",
                "M0722111222", "47001234567", "07221112223", "1234567 us", "+5000 TZS", "v0.12.345",
                "12 345 678 901", "0722 111 22", "SM042000013", "SM-0420-0003-9", "SM-0700000123",
                "202612051000", "20261205100000", "1733400000000", "seq 4700000123", "#1254700000", "C-254700000123",
                "25470000012", "2547000001234", "254 700 000 123 TZS", "(2026) 000 123", "(0700) 000 12",
                "12:30 (0) 700", "254700000123.5", "at 10:00 0700 hours");

        for (String figure : figures) {
            assertThat(redactor.redact("saw " + figure + " here")).as(figure).isEqualTo("saw " + figure + " here");
        }
    }

    @Test
    void leavesAFilesPathThatMixesCapitalsAndDigitsAsItIs() {
        String line = "Wrote a diagnostics bundle of 9 entries to "
                + "/tmp/junit1234/out/gridside-diagnostics-20261205T100000Z.zip.";

        assertThat(redactor.redact(line)).isEqualTo(line);
    }
}
