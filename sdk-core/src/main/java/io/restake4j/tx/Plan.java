package io.restake4j.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What an operation does: the {@link Check}s to read first, the {@link Step}s to send (some only when a
 * check says so, such as an approval when the allowance is short), and how to turn what happened into
 * the operation's result. Protocol packages build plans; the pipeline runs them. Immutable.
 *
 * <pre>{@code
 * Check<BigInteger> allowance = Check.of("allowance", ERC20::load, token, e -> e.call_allowance(owner, vault));
 * Plan<DepositResult> plan = Plan.<DepositResult>builder("deposit 10 dUSD")
 *         .check(allowance)
 *         .stepIf(r -> r.get(allowance).compareTo(amount) < 0, approve)
 *         .step(deposit)
 *         .result(execution -> new DepositResult(execution))
 *         .build();
 * }</pre>
 *
 * @param <R> the operation's result type
 */
public final class Plan<R> {

    /** A step and the condition under which it is part of the operation. */
    public record PlannedStep(Step step, Predicate<CheckResults> condition) {
        public PlannedStep {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(condition, "condition");
        }
    }

    /** Maps a finished run to the operation's result. */
    @FunctionalInterface
    public interface ResultMapper<R> {
        R map(Execution execution);
    }

    private final String description;
    private final List<Check<?>> checks;
    private final List<PlannedStep> steps;
    private final ResultMapper<R> mapper;
    private final List<Quote> quotes;

    private Plan(Builder<R> b) {
        this.description = b.description;
        this.checks = List.copyOf(b.checks);
        this.steps = List.copyOf(b.steps);
        this.mapper = b.mapper;
        this.quotes = List.copyOf(b.quotes);
    }

    public static <R> Builder<R> builder(String description) {
        return new Builder<>(description);
    }

    public String description() {
        return description;
    }

    public List<Check<?>> checks() {
        return checks;
    }

    public List<PlannedStep> steps() {
        return steps;
    }

    public ResultMapper<R> mapper() {
        return mapper;
    }

    /** Figures stated for the preview (see {@link Preview#quotes()}). */
    public List<Quote> quotes() {
        return quotes;
    }

    /** Builds a {@link Plan}. */
    public static final class Builder<R> {
        private final String description;
        private final List<Check<?>> checks = new ArrayList<>();
        private final List<PlannedStep> steps = new ArrayList<>();
        private ResultMapper<R> mapper;
        private final List<Quote> quotes = new ArrayList<>();

        private Builder(String description) {
            this.description = Objects.requireNonNull(description, "description");
        }

        public Builder<R> check(Check<?> check) {
            checks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        public Builder<R> step(Step step) {
            steps.add(new PlannedStep(step, r -> true));
            return this;
        }

        /** A step sent only when {@code condition} holds for the checks' values. */
        public Builder<R> stepIf(Predicate<CheckResults> condition, Step step) {
            steps.add(new PlannedStep(step, condition));
            return this;
        }

        /**
         * States a figure the user should see before sending, such as a protocol's deposit fee or the
         * tokens a deposit is expected to mint; it appears in {@link Preview#quotes()}.
         */
        public Builder<R> quote(String label, io.restake4j.units.Amount amount) {
            quotes.add(new Quote(label, amount));
            return this;
        }

        public Builder<R> result(ResultMapper<R> mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        public Plan<R> build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("a plan needs at least one step");
            }
            if (mapper == null) {
                throw new IllegalStateException("a plan needs a result mapper");
            }
            return new Plan<>(this);
        }
    }
}
