package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.link.message.CashReceipt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptPageTest {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    @BeforeEach
    void inEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    static CashReceipt receipt(String number, Long balanceAfter) {
        return new CashReceipt(CashReceipt.Outcome.CREDITED, "CASH-20260603-120700-AB12", "C00003", 15_050, "KES",
                Instant.parse("2026-06-03T09:07:00Z"), balanceAfter, 200_000, 15_050, 184_950, number);
    }

    static ReceiptPage.Context context(String customerName) {
        return new ReceiptPage.Context("Demo village", "site-7", NAIROBI, customerName, "T-0042");
    }

    @Test
    void saysTheNumberAmountCustomerTimeAndWhoTookTheCash() {
        String page = ReceiptPage.of(receipt("6AF4F6-0001", 129_754L), context("Daudi Kibet"));

        assertThat(page).contains("<title>Receipt 6AF4F6-0001</title>", "KES 150.50", "Daudi Kibet (C00003)",
                "3 Jun 2026 12:07:00 (Africa/Nairobi)", "CASH-20260603-120700-AB12", "T-0042",
                "Balance after it</dt><dd>KES 1,297.54");
    }

    @Test
    void escapesTextFromTheSiteAndLeavesOutABalanceNotPostedYet() {
        String page = ReceiptPage.of(receipt("6AF4F6-0002", null), context("<b>Mama & Sons</b>"));

        assertThat(page).contains("&lt;b&gt;Mama &amp; Sons&lt;/b&gt;").doesNotContain("<b>Mama")
                .doesNotContain("Balance after it");
    }

    @Test
    void writesThePageUnderTheReceiptsNumberAndReplacesAnEarlierCopy(@TempDir Path folder) throws IOException {
        Path first = ReceiptPage.write(receipt("6AF4F6-0003", null), context(""), folder.resolve("receipts"));
        Path again = ReceiptPage.write(receipt("6AF4F6-0003", 1L), context(""), folder.resolve("receipts"));

        assertThat(again).isEqualTo(first).hasFileName("receipt-6AF4F6-0003.html");
        assertThat(Files.readString(again)).contains("Customer</dt><dd>C00003", "KES 0.01");
        try (var files = Files.list(folder.resolve("receipts"))) {
            assertThat(files).hasSize(1);
        }
    }
}
