/**
 * The smart-home world: lights, a thermostat over a thermal model, a door lock, a garage door,
 * sensors and scripted presence. Entry points: {@link io.codeact.bridge.sim.home.SmartHomeWorld} and
 * {@link io.codeact.bridge.sim.home.SmartHomeScenario}.
 */
package io.codeact.bridge.sim.home;
