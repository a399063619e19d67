package io.codeact.bridge.transport.mqtt.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HomeAssistantDiscoveryTest {
    private static DiscoveredDevice parse(String topic, String json) {
        return HomeAssistantDiscovery.parse("homeassistant", topic, json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void readsAnAbbreviatedLightWithBaseTopicAndBrightnessScale() {
        DiscoveredDevice d = parse("homeassistant/light/kitchen/ceiling/config", """
                {"~": "home/kitchen/ceiling", "name": "Ceiling", "uniq_id": "ceil-01", "cmd_t": "~/set", "stat_t": "~/state",
                 "bri_cmd_t": "~/brightness/set", "bri_scl": 100, "avty_t": "~/avail"}""");
        assertThat(d.id()).isEqualTo("ceil-01");
        assertThat(d.name()).isEqualTo("Ceiling");
        assertThat(d.component()).isEqualTo("light");
        assertThat(d.commandTopic()).isEqualTo("home/kitchen/ceiling/set");
        assertThat(d.stateTopic()).isEqualTo("home/kitchen/ceiling/state");
        assertThat(d.availabilityTopic()).isEqualTo("home/kitchen/ceiling/avail");
        assertThat(d.topics()).containsEntry("brightness_command_topic", "home/kitchen/ceiling/brightness/set");
        assertThat(d.ranges()).containsEntry("brightness", new Range(0, 100, ""));
        assertThat(d.payloads()).containsEntry("payload_on", "ON").containsEntry("payload_off", "OFF");
        assertThat(d.risk()).isEqualTo(RiskTier.REVERSIBLE);
    }

    @Test
    void readsClimateRangesAndModes() {
        DiscoveredDevice d = parse("homeassistant/climate/hall/config", """
                {"name": "Hall", "temp_cmd_t": "hall/t/set", "curr_temp_t": "hall/t", "min_temp": 10, "max_temp": 28.5,
                 "modes": ["off", "heat"], "mode_cmd_t": "hall/mode/set"}""");
        assertThat(d.id()).isEqualTo("hall");
        assertThat(d.ranges()).containsEntry("temperature", new Range(10, 28.5, "°C"));
        assertThat(d.options()).containsEntry("modes", List.of("off", "heat"));
        assertThat(d.commandTopic()).isIn("hall/t/set", "hall/mode/set");
        assertThat(d.stateTopic()).isEqualTo("hall/t");
        assertThat(d.risk()).isEqualTo(RiskTier.REVERSIBLE);
    }

    @Test
    void locksCoversAndAlarmPanelsAreIrreversible() {
        assertThat(parse("homeassistant/lock/front/config", "{\"cmd_t\": \"door/set\", \"stat_t\": \"door/state\"}").risk())
                .isEqualTo(RiskTier.IRREVERSIBLE);
        DiscoveredDevice garage = parse("homeassistant/cover/garage/config",
                "{\"cmd_t\": \"garage/set\", \"dev_cla\": \"garage\", \"set_pos_t\": \"garage/pos/set\", \"pos_open\": 100, \"pos_clsd\": 0}");
        assertThat(garage.risk()).isEqualTo(RiskTier.IRREVERSIBLE);
        assertThat(garage.deviceClass()).isEqualTo("garage");
        assertThat(garage.ranges()).containsEntry("position", new Range(0, 100, "%"));
        assertThat(garage.payloads()).containsEntry("payload_open", "OPEN");
        assertThat(parse("homeassistant/alarm_control_panel/house/config", "{\"cmd_t\": \"alarm/set\", \"stat_t\": \"alarm/state\"}").risk())
                .isEqualTo(RiskTier.IRREVERSIBLE);
    }

    @Test
    void sensorsAreReadOnly() {
        DiscoveredDevice d = parse("homeassistant/sensor/node7/temp/config",
                "{\"stat_t\": \"node7/temp\", \"unit_of_meas\": \"°C\", \"dev_cla\": \"temperature\", \"dev\": {\"name\": \"Node 7\"}}");
        assertThat(d.id()).isEqualTo("node7_temp");
        assertThat(d.name()).isEqualTo("Node 7");
        assertThat(d.controllable()).isFalse();
        assertThat(d.risk()).isEqualTo(RiskTier.READ);
        assertThat(parse("homeassistant/binary_sensor/door/config", "{\"stat_t\": \"door/open\"}").risk()).isEqualTo(RiskTier.READ);
    }

    @Test
    void fanSpeedRangeAndSwitch() {
        DiscoveredDevice fan = parse("homeassistant/fan/desk/config", "{\"cmd_t\": \"fan/set\", \"pct_cmd_t\": \"fan/pct\", \"spd_rng_min\": 1, \"spd_rng_max\": 6}");
        assertThat(fan.ranges()).containsEntry("percentage", new Range(1, 6, ""));
        assertThat(parse("homeassistant/switch/pump/config", "{\"cmd_t\": \"pump/set\", \"pl_on\": \"1\"}").payloads())
                .containsEntry("payload_on", "1").containsEntry("payload_off", "OFF");
    }

    @Test
    void anEmptyPayloadRemovesTheDevice() {
        assertThat(HomeAssistantDiscovery.parse("homeassistant", "homeassistant/light/x/config", new byte[0])).isEqualTo(Optional.empty());
    }

    @Test
    void aMissingCommandTopicIsNamed() {
        assertThatThrownBy(() -> parse("homeassistant/light/kitchen/config", "{\"name\": \"Kitchen\", \"stat_t\": \"k/state\"}"))
                .isInstanceOf(DiscoveryException.class)
                .hasMessage("homeassistant/light/kitchen/config: field \"command_topic\" is missing; a light needs it to be commanded"
                        + " (abbreviated cmd_t). Fix the device's discovery message, or publish an empty retained message to remove it.")
                .extracting(e -> ((DiscoveryException) e).problem().field()).isEqualTo("command_topic");
    }

    @Test
    void aMissingStateTopicOnASensorIsNamed() {
        assertThatThrownBy(() -> parse("homeassistant/sensor/t/config", "{\"name\": \"T\"}"))
                .hasMessageStartingWith("homeassistant/sensor/t/config: field \"state_topic\" is missing; a sensor needs it to be read (abbreviated stat_t).");
    }

    @Test
    void nonsensePayloadsAreNamed() {
        assertThatThrownBy(() -> parse("homeassistant/light/a/config", "not json at all"))
                .hasMessageStartingWith("homeassistant/light/a/config has a payload that is not JSON (not json at all…)");
        assertThatThrownBy(() -> parse("homeassistant/light/a/config", "[1,2]"))
                .hasMessageStartingWith("homeassistant/light/a/config has a payload that is a JSON array, not an object");
        assertThatThrownBy(() -> parse("homeassistant/climate/a/config", "{\"temp_cmd_t\": \"a/t\", \"min_temp\": \"cold\"}"))
                .hasMessageStartingWith("homeassistant/climate/a/config: field \"min_temp\" should be a number, got string \"cold\".");
        assertThatThrownBy(() -> parse("homeassistant/climate/a/config", "{\"temp_cmd_t\": \"a/t\", \"min_temp\": 30, \"max_temp\": 10}"))
                .hasMessageStartingWith("homeassistant/climate/a/config: field \"min_temp\" is 30.0, above max_temp 10.0.");
        assertThatThrownBy(() -> parse("homeassistant/switch/a/config", "{\"cmd_t\": {\"nested\": true}}"))
                .hasMessageStartingWith("homeassistant/switch/a/config: field \"command_topic\" should be text, got object");
        assertThatThrownBy(() -> parse("homeassistant/switch/a/config", "{\"cmd_t\": \"a/+/set\"}"))
                .hasMessageStartingWith("homeassistant/switch/a/config: field \"command_topic\" is 'a/+/set', but a device topic must not contain the wildcards");
        assertThatThrownBy(() -> parse("homeassistant/vacuum/a/config", "{\"cmd_t\": \"v/set\"}"))
                .hasMessageStartingWith("homeassistant/vacuum/a/config announces the component 'vacuum', which the bridge does not support");
        assertThatThrownBy(() -> parse("homeassistant/light/config", "{}"))
                .hasMessageStartingWith("homeassistant/light/config is not a discovery topic: expected homeassistant/<component>/[<node_id>/]<object_id>/config");
    }
}
