/**
 * The simulators: worlds that stand in for robots and devices, deterministic for a seed, on a sim
 * clock that only {@link io.codeact.bridge.sim.World#step} advances.
 *
 * <p>A {@link io.codeact.bridge.sim.World} takes commands by API name with argument maps (the names the
 * tool declarations use), returns JSON-friendly result maps, and exposes ground truth ({@code state})
 * for success checks and plots and noisy sensor readings ({@code telemetry}) for what a real device
 * would publish. Timed commands return an {@link io.codeact.bridge.sim.Activity} that completes in sim
 * time; motion activities carry a deadman lease. {@link io.codeact.bridge.sim.Worlds} and
 * {@link io.codeact.bridge.sim.WorldRegistry} create worlds by name from a seed and a scenario map;
 * {@link io.codeact.bridge.sim.SimRunner} runs one as fast as possible or paced to real time;
 * {@link io.codeact.bridge.sim.SimBenchmark} measures the realtime factor; {@link
 * io.codeact.bridge.sim.SvgPlot} draws maps, paths and time series (per world in {@code sim.plot}).
 *
 * <p>The worlds live in {@code sim.warehouse}, {@code sim.tabletop} and {@code sim.home}; shared
 * machinery in {@code sim.internal}; plots in {@code sim.plot}. No world has threads; none is thread-safe.
 */
package io.codeact.bridge.sim;
