package io.codeact.bridge.sim.home;

/**
 * One-zone house temperature: drifts toward the outdoor temperature with a time constant, and the
 * thermostat's heater or cooler adds a fixed rate while it runs. Bang-bang control with hysteresis:
 * heat starts below setpoint − h and stops above setpoint + h (cooling mirrored); {@code auto} does both.
 */
final class ThermalModel {
    private final SmartHomeScenario s;
    double temperature;
    double setpoint;
    String mode;
    boolean heating;
    boolean cooling;

    ThermalModel(SmartHomeScenario scenario) {
        this.s = scenario;
        this.temperature = scenario.indoorTemperature();
        this.setpoint = scenario.thermostat().setpoint();
        this.mode = scenario.thermostat().mode();
    }

    /** Outdoor temperature at sim time {@code t}: coldest at t = 0 and every 24 h. */
    double outdoor(double t) {
        return s.outdoorTemperature() - s.outdoorSwing() * Math.cos(2 * Math.PI * t / 86400);
    }

    void tick(double dt, double t) {
        double h = s.thermostat().hysteresis();
        boolean canHeat = mode.equals("heat") || mode.equals("auto");
        boolean canCool = mode.equals("cool") || mode.equals("auto");
        if (!canHeat || temperature > setpoint + h) {
            heating = false;
        } else if (temperature < setpoint - h) {
            heating = true;
        }
        if (!canCool || temperature < setpoint - h) {
            cooling = false;
        } else if (temperature > setpoint + h) {
            cooling = true;
        }
        double rate = (outdoor(t) - temperature) / s.timeConstant();
        if (heating) {
            rate += s.thermostat().heatingRate();
        }
        if (cooling) {
            rate -= s.thermostat().coolingRate();
        }
        temperature += rate * dt;
    }

    String action() {
        return heating ? "heating" : cooling ? "cooling" : "idle";
    }
}
