package io.gridside.site.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Immediate dominators of hand-made graphs whose answers are known. */
class DominatorsTest {

    @Test
    void aDiamondJoinsBackAtTheRoot() {
        int[][] successors = {{1, 2}, {3}, {3}, {}};

        assertThat(Dominators.immediate(4, 0, successors)).containsExactly(-1, 0, 0, 0);
    }

    @Test
    void eachNodeOfAChainDominatesTheNext() {
        int[][] successors = {{1}, {2}, {3}, {}};

        assertThat(Dominators.immediate(4, 0, successors)).containsExactly(-1, 0, 1, 2);
    }

    @Test
    void twoDisjointRoutesLeaveOnlyTheRootAboveTheirEnd() {
        int[][] successors = {{1, 3}, {2}, {5}, {4}, {5}, {6}, {}};

        assertThat(Dominators.immediate(7, 0, successors)).containsExactly(-1, 0, 1, 0, 3, 0, 5);
    }

    @Test
    void aCycleDoesNotLetANodeDominateItsOwnDominator() {
        int[][] successors = {{1}, {2}, {3}, {1, 4}, {2}};

        assertThat(Dominators.immediate(5, 0, successors)).containsExactly(-1, 0, 1, 2, 3);
    }

    @Test
    void aCycleEnteredTwiceIsDominatedByTheRootOnly() {
        int[][] successors = {{1, 2}, {2}, {1}};

        assertThat(Dominators.immediate(3, 0, successors)).containsExactly(-1, 0, 0);
    }

    @Test
    void nodesTheRootCannotReachHaveNoDominator() {
        int[][] successors = {{1}, {}, {1, 3}, {2}};

        assertThat(Dominators.immediate(4, 0, successors)).containsExactly(-1, 0, -1, -1);
    }

    @Test
    void aRootOtherThanZeroAndSelfLoopsAndDuplicateEdgesChangeNothing() {
        int[][] successors = {{0}, {1}, {0, 0, 1, 2}};

        assertThat(Dominators.immediate(3, 2, successors)).containsExactly(2, 2, -1);
    }

    @Test
    void aVeryLongChainDoesNotOverflowTheStack() {
        int n = 200_000;
        int[][] successors = new int[n][];
        for (int v = 0; v < n; v++) {
            successors[v] = v + 1 < n ? new int[] {v + 1} : new int[0];
        }

        int[] idom = Dominators.immediate(n, 0, successors);

        assertThat(idom[n - 1]).isEqualTo(n - 2);
        assertThat(idom[1]).isZero();
    }

    @Test
    void refusesARootOutsideTheGraph() {
        assertThatThrownBy(() -> Dominators.immediate(2, 2, new int[][] {{}, {}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root");
    }
}
