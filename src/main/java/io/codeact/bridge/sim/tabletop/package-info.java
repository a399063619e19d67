/**
 * The tabletop world: an arm with a gripper, coloured cube blocks that stack and fall, open bins and
 * a camera. Entry points: {@link io.codeact.bridge.sim.tabletop.TabletopWorld} and {@link
 * io.codeact.bridge.sim.tabletop.TabletopScenario}.
 */
package io.codeact.bridge.sim.tabletop;
