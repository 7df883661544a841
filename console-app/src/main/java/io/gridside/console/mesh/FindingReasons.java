package io.gridside.console.mesh;

import io.gridside.console.I18n;
import io.gridside.site.mesh.LinkFinding;
import io.gridside.site.mesh.LinkGrade;
import io.gridside.site.mesh.LinkQuality;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a link is in the weak or the one-way list, in the technician's language: worked out again from the finding's
 * measures and the thresholds that picked it, as the analysis gives its own reason in English words.
 */
final class FindingReasons {

    private FindingReasons() {
    }

    /** Each direction weak or worse by name, and the ETX when it alone is too high. */
    static String weak(LinkFinding finding, LinkQuality quality) {
        List<String> parts = new ArrayList<>();
        LinkGrade forward = quality.grade(finding.forwardRssiDbm(), finding.forwardPsr());
        LinkGrade reverse = quality.grade(finding.reverseRssiDbm(), finding.reversePsr());
        if (forward.compareTo(LinkGrade.WEAK) >= 0) {
            parts.add(I18n.text("mesh.findings.reason.direction", finding.from(), finding.to(),
                    MeterRadioPanel.gradeText(forward)));
        }
        if (reverse.compareTo(LinkGrade.WEAK) >= 0) {
            parts.add(I18n.text("mesh.findings.reason.direction", finding.to(), finding.from(),
                    MeterRadioPanel.gradeText(reverse)));
        }
        if (finding.etx() > quality.weakAboveEtx()) {
            parts.add(I18n.text("mesh.findings.reason.etx", MeterRadioPanel.etx(finding.etx())));
        }
        return String.join("; ", parts);
    }

    /** Which way alone works, or which way is how much stronger. */
    static String oneWay(LinkFinding finding, LinkQuality quality) {
        boolean forward = quality.grade(finding.forwardRssiDbm(), finding.forwardPsr()) != LinkGrade.UNUSABLE;
        boolean reverse = quality.grade(finding.reverseRssiDbm(), finding.reversePsr()) != LinkGrade.UNUSABLE;
        if (forward != reverse) {
            return forward ? I18n.text("mesh.findings.reason.only", finding.from(), finding.to())
                    : I18n.text("mesh.findings.reason.only", finding.to(), finding.from());
        }
        double gap = finding.forwardRssiDbm() - finding.reverseRssiDbm();
        return gap >= 0 ? I18n.text("mesh.findings.reason.gap", finding.from(), finding.to(), Math.round(gap))
                : I18n.text("mesh.findings.reason.gap", finding.to(), finding.from(), Math.round(-gap));
    }
}
