package io.codeact.bridge.transport.mqtt.discovery;

import java.util.List;
import java.util.Map;

/**
 * A device (or one controllable part of one) announced on MQTT, in one model for Home Assistant discovery
 * and Homie 4. A tool layer turns it into a Python object: {@code component} says which API, the topics
 * and payloads say how to talk to it, {@code ranges} bound its numeric parameters, {@code risk} says
 * whether commands need confirmation.
 *
 * @param id stable id: Home Assistant's {@code unique_id}, else {@code <node_id>_<object_id>}; for
 *     Homie {@code <device>/<node>/<property>}
 * @param name human name, as announced (falls back to the id)
 * @param component {@code light}, {@code switch}, {@code climate}, {@code lock}, {@code cover},
 *     {@code sensor}, {@code binary_sensor}, {@code fan}, {@code alarm_control_panel}; for Homie also
 *     {@code number}, {@code select}
 * @param source {@code homeassistant} or {@code homie}
 * @param discoveryTopic the topic it was announced on
 * @param commandTopic where commands go, or null when read-only
 * @param stateTopic where state comes from, or null
 * @param availabilityTopic where {@code online}/{@code offline} (or Homie {@code $state}) comes from, or null
 * @param topics further topics by their discovery name ({@code brightness_command_topic}, …)
 * @param payloads payload constants and templates by name ({@code payload_on}: {@code ON}, {@code value_template}, …),
 *     and the text settings a binding needs ({@code unit_of_measurement}, {@code schema}, {@code on_command_type},
 *     {@code temp_step}, {@code temperature_unit})
 * @param ranges numeric parameters' bounds ({@code brightness}, {@code temperature}, {@code position}, …)
 * @param options enumerations ({@code modes}, {@code preset_modes}, Homie {@code format} of an enum, …)
 * @param deviceClass Home Assistant's {@code device_class} (e.g. {@code garage}, {@code temperature}), or null
 * @param risk the risk tier, from the component (and device class)
 */
public record DiscoveredDevice(
        String id,
        String name,
        String component,
        String source,
        String discoveryTopic,
        String commandTopic,
        String stateTopic,
        String availabilityTopic,
        Map<String, String> topics,
        Map<String, String> payloads,
        Map<String, Range> ranges,
        Map<String, List<String>> options,
        String deviceClass,
        RiskTier risk) {

    public DiscoveredDevice {
        topics = Map.copyOf(topics);
        payloads = Map.copyOf(payloads);
        ranges = Map.copyOf(ranges);
        options = Map.copyOf(options);
    }

    /** Whether commands can be sent. */
    public boolean controllable() {
        return commandTopic != null;
    }
}
