package io.codeact.bridge.transport.mqtt.discovery;

/**
 * The allowed values of a numeric parameter, from the discovery payload (both ends included).
 *
 * @param unit the unit the device announced, or empty
 */
public record Range(double min, double max, String unit) {
    public Range {
        if (!(min <= max)) {
            throw new IllegalArgumentException("range min " + min + " is above max " + max);
        }
        unit = unit == null ? "" : unit;
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
