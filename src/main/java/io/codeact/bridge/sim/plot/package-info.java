/**
 * Plots of simulated worlds as standalone SVG, drawn from plain {@code state()} maps so a state read back
 * from an episode log plots like a live one: {@link io.codeact.bridge.sim.plot.WarehousePlot} (the map,
 * robot paths, goals), {@link io.codeact.bridge.sim.plot.TabletopPlot} (the table from above, the tip's
 * path, stacks from the side), {@link io.codeact.bridge.sim.plot.SmartHomePlot} (temperatures and
 * timelines over sim time), {@link io.codeact.bridge.sim.plot.TimeChart} (lines against sim time), and
 * {@link io.codeact.bridge.sim.plot.EpisodePlot}, which draws a recorded episode with its safety events
 * ({@link io.codeact.bridge.sim.plot.SafetyMark}). {@link io.codeact.bridge.sim.plot.SvgCanvas} is the
 * shared writer. Everything here is stateless; {@code codeact plot LOG} is the command line.
 */
package io.codeact.bridge.sim.plot;
