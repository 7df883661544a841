package io.gridside.console.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.site.mesh.LinkFinding;
import io.gridside.site.mesh.LinkQuality;
import org.junit.jupiter.api.Test;

/** Why a link is in a findings list, said again from its measures in the technician's words. */
class FindingReasonsTest {

    private static LinkFinding finding(double forwardRssi, double reverseRssi, double forwardPsr, double reversePsr,
            double etx) {
        return new LinkFinding(3, "M-1", "M-2", forwardRssi, reverseRssi, forwardPsr, reversePsr, etx, 10, "as given");
    }

    @Test
    void namesEachWeakDirectionAndAnEtxAboveTheThreshold() {
        String reason = FindingReasons.weak(finding(-70, -95, 0.98, 0.6, 3.1), LinkQuality.DEFAULTS);

        assertThat(reason).isEqualTo(I18n.text("mesh.findings.reason.direction", "M-2", "M-1",
                I18n.text("mesh.radio.grade.WEAK")) + "; " + I18n.text("mesh.findings.reason.etx",
                MeterRadioPanel.etx(3.1)));
    }

    @Test
    void saysWhichWayAloneWorks() {
        assertThat(FindingReasons.oneWay(finding(-104, -70, 0.2, 0.99, 4), LinkQuality.DEFAULTS))
                .isEqualTo(I18n.text("mesh.findings.reason.only", "M-2", "M-1"));
    }

    @Test
    void saysWhichWayIsStrongerAndByHowMuch() {
        assertThat(FindingReasons.oneWay(finding(-82, -70, 0.9, 0.99, 1.2), LinkQuality.DEFAULTS))
                .isEqualTo(I18n.text("mesh.findings.reason.gap", "M-2", "M-1", 12));
    }
}
