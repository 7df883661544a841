package io.gridside.console.service;

import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.link.message.CashReceipt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;

/**
 * A cash receipt as a small printable web page, to hand to the customer: self-contained, no scripts and nothing
 * fetched, sized for a half sheet, with every text from the site escaped.
 */
public final class ReceiptPage {

    /** The time paid, its month in the language's words so that it cannot be misread. */
    private static final String TIME = "d MMM yyyy HH:mm:ss";

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; color: #000; margin: 2em; }
            h1 { font-size: 15pt; margin: 0 0 0.2em 0; }
            .site { margin: 0 0 1em 0; }
            dl { display: grid; grid-template-columns: max-content auto; gap: 0.3em 1.5em; margin: 0 0 1em 0; }
            dt { font-weight: bold; }
            dd { margin: 0; }
            .amount { font-size: 14pt; font-weight: bold; }
            .note { font-size: 8.5pt; color: #333; }
            @page { size: A5; margin: 12mm; }
            @media print { body { margin: 0; } }
            """;

    /**
     * What the page says beside the gateway's receipt.
     *
     * @param siteName the site as the gateway names it
     * @param customerName the customer's name, or empty when not known
     * @param technicianId who took the cash, as their credential says
     */
    public record Context(String siteName, String siteId, ZoneId zone, String customerName, String technicianId) {
    }

    private ReceiptPage() {
    }

    /**
     * The whole page of {@code receipt}, in the console's language: its words, its amounts and its date, since the
     * page is handed to a customer who reads that language. The command line writes it in the computer's language.
     */
    public static String of(CashReceipt receipt, Context context) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(I18n.locale().getLanguage())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(StatementPage.escape(I18n.text("page.receipt.title", number(receipt))))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<h1>")
                .append(StatementPage.escape(I18n.text("page.receipt.heading"))).append("</h1>\n<p class=\"site\">")
                .append(StatementPage.escape(context.siteName())).append(" (")
                .append(StatementPage.escape(context.siteId())).append(")</p>\n<dl>\n");
        item(html, "page.receipt.number", number(receipt));
        html.append("<dt>").append(StatementPage.escape(I18n.text("page.receipt.amount")))
                .append("</dt><dd class=\"amount\">")
                .append(StatementPage.escape(Formats.money(receipt.amountMinor(), receipt.currency())))
                .append("</dd>\n");
        item(html, "page.customer", context.customerName().isEmpty() ? receipt.customerId()
                : context.customerName() + " (" + receipt.customerId() + ")");
        item(html, "page.receipt.paid", Formats.pattern(TIME).format(receipt.paidAt().atZone(context.zone()))
                + " (" + context.zone().getId() + ")");
        item(html, "page.receipt.reference", receipt.reference());
        item(html, "page.receipt.takenBy", context.technicianId());
        if (receipt.balanceAfterMinor() != null) {
            item(html, "page.receipt.balanceAfter", Formats.money(receipt.balanceAfterMinor(), receipt.currency()));
        }
        html.append("</dl>\n<p class=\"note\">").append(StatementPage.escape(I18n.text("page.receipt.note")))
                .append("</p>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Writes the page into {@code folder}, which it creates if needed, replacing an earlier copy; the file. */
    public static Path write(CashReceipt receipt, Context context, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName(receipt)).toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            Files.writeString(temporary, of(receipt, context), StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** {@code receipt-3FA2C9-0007.html}; a payment the book holds no number for is named by its reference. */
    static String fileName(CashReceipt receipt) {
        return "receipt-" + number(receipt).replaceAll("[^A-Za-z0-9._-]", "-") + ".html";
    }

    private static String number(CashReceipt receipt) {
        return receipt.receipt() != null ? receipt.receipt() : receipt.reference();
    }

    private static void item(StringBuilder html, String termKey, String value) {
        html.append("<dt>").append(StatementPage.escape(I18n.text(termKey))).append("</dt><dd>")
                .append(StatementPage.escape(value)).append("</dd>\n");
    }
}
