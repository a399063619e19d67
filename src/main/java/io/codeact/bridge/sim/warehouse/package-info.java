/**
 * The warehouse world: differential-drive robots with odometry, a 2-D lidar and a battery, among
 * walls, shelves, obstacles and charging docks. Entry points: {@link
 * io.codeact.bridge.sim.warehouse.WarehouseWorld} and {@link
 * io.codeact.bridge.sim.warehouse.WarehouseScenario}.
 */
package io.codeact.bridge.sim.warehouse;
