package io.gridside.site.tariff;

import java.util.List;
import java.util.stream.Collectors;

/** A tariff that failed validation, with every problem found. */
public final class InvalidTariffException extends IllegalArgumentException {

    private final transient List<TariffProblem> problems;

    public InvalidTariffException(List<TariffProblem> problems) {
        super("The tariff is invalid: " + problems.stream().map(TariffProblem::toString)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<TariffProblem> problems() {
        return problems;
    }
}
