package io.codeact.bridge.sim.internal;

import io.codeact.bridge.sim.Activity;
import io.codeact.bridge.sim.SimClock;
import io.codeact.bridge.sim.World;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The plumbing every simulated world shares: its scenario, seed and sim clock, the {@link Ticker} that
 * turns {@link #step} into whole physics ticks, and the {@link CommandTable} that {@link #start} serves.
 * A world supplies one tick of physics ({@link #tick}) and its initial state ({@link #resetState}).
 *
 * <pre>{@code
 * super("warehouse", scenario, scenario.tick());
 * serve(new WarehouseApi(this).table());
 * reset(seed);
 * }</pre>
 *
 * Not thread-safe; see {@link World}.
 *
 * @param <S> the world's validated scenario type
 */
public abstract class TickedWorld<S> implements World {
    protected final S scenario;
    private final String name;
    private final SimClock clock = new SimClock();
    private final Ticker ticker;
    private CommandTable commands;
    private long seed;

    /** @throws IllegalArgumentException if {@code tickSeconds} is not &gt; 0 */
    protected TickedWorld(String name, S scenario, double tickSeconds) {
        this.name = name;
        this.scenario = scenario;
        this.ticker = new Ticker(clock, tickSeconds);
    }

    /** Sets the commands {@link #start} serves; call once, from the constructor, before {@link #reset}. */
    protected final void serve(CommandTable table) {
        this.commands = Objects.requireNonNull(table, "table");
    }

    /** Advances the world by one physics tick of {@code dt} s; the clock already shows the tick's end. */
    protected abstract void tick(double dt);

    /** Rebuilds the initial state; the clock and tick remainder are already back at zero. */
    protected abstract void resetState(SplittableRandom root);

    public S scenario() {
        return scenario;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final long seed() {
        return seed;
    }

    @Override
    public final SimClock clock() {
        return clock;
    }

    @Override
    public final double tickSeconds() {
        return ticker.tickSeconds();
    }

    @Override
    public final Set<String> apis() {
        return commands.apis();
    }

    @Override
    public final Activity start(String api, Map<String, ?> args) {
        return commands.start(api, args);
    }

    @Override
    public final void step(double dtSeconds) {
        double dt = ticker.tickSeconds();
        ticker.advance(name, dtSeconds, () -> tick(dt));
    }

    @Override
    public final void reset(long seed) {
        this.seed = seed;
        clock.reset();
        ticker.reset();
        resetState(new SplittableRandom(seed));
    }
}
