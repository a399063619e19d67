package io.codeact.bridge.bind.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.tools.ParamSpec;
import io.codeact.bridge.tools.RiskTier;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.transport.mqtt.discovery.DiscoveredDevice;
import io.codeact.bridge.transport.mqtt.discovery.HomeAssistantDiscovery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveredToolsTest {
    private static DiscoveredDevice ha(String topic, String json) {
        return HomeAssistantDiscovery.parse("homeassistant", topic, json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    private static ToolDeclaration tool(DiscoveredTools t, String name) {
        return t.tools().find(name).orElseThrow(() -> new AssertionError(name + " not among "
                + t.tools().tools().stream().map(ToolDeclaration::qualifiedName).toList()));
    }

    @Test
    void aDimmableLightBecomesTurnOnWithABrightnessRangeTurnOffAndState() {
        DiscoveredTools t = DiscoveredTools.from(List.of(ha("homeassistant/light/kitchen/config",
                "{\"name\": \"Kitchen\", \"cmd_t\": \"k/set\", \"stat_t\": \"k/state\", \"bri_cmd_t\": \"k/b/set\", \"bri_stat_t\": \"k/b\"}")), "home");
        assertThat(t.tools().tools()).extracting(ToolDeclaration::qualifiedName)
                .containsExactly("home.kitchen.turn_on", "home.kitchen.turn_off", "home.kitchen.state");
        ParamSpec brightness = tool(t, "home.kitchen.turn_on").param("brightness");
        assertThat(brightness.min()).isEqualTo(0.0);
        assertThat(brightness.max()).isEqualTo(255.0);
        assertThat(brightness.hasDefault()).isTrue();
        assertThat(brightness.defaultValue()).isNull();
        assertThat(tool(t, "home.kitchen.turn_on").risk()).isEqualTo(RiskTier.REVERSIBLE);
        assertThat(tool(t, "home.kitchen.state").risk()).isEqualTo(RiskTier.READ);
        assertThat(tool(t, "home.kitchen.turn_on").source()).isEqualTo("discovery:homeassistant/light/kitchen/config");
        assertThat(t.warnings()).isEmpty();
    }

    @Test
    void aClimateGetsItsTemperatureRangeAndModesAsChoices() {
        DiscoveredTools t = DiscoveredTools.from(List.of(ha("homeassistant/climate/house/thermostat/config",
                "{\"temp_cmd_t\": \"t/set\", \"temp_stat_t\": \"t\", \"mode_cmd_t\": \"m/set\", \"mode_stat_t\": \"m\","
                        + " \"min_temp\": 10, \"max_temp\": 30, \"modes\": [\"heat\", \"off\"]}")), "home");
        ParamSpec temperature = tool(t, "home.thermostat.set_temperature").param("temperature");
        assertThat(temperature.min()).isEqualTo(10.0);
        assertThat(temperature.max()).isEqualTo(30.0);
        assertThat(temperature.unit()).isEqualTo("°C");
        assertThat(tool(t, "home.thermostat.set_mode").param("mode").choices()).containsExactly("heat", "off");
        assertThat(tool(t, "home.thermostat.state").risk()).isEqualTo(RiskTier.READ);
    }

    @Test
    void unlockingAndMovingAGarageDoorAreIrreversibleWhileLockingAndStoppingAreNot() {
        DiscoveredTools t = DiscoveredTools.from(List.of(
                ha("homeassistant/lock/front_door/config", "{\"cmd_t\": \"d/set\", \"stat_t\": \"d/state\"}"),
                ha("homeassistant/cover/garage/config", "{\"cmd_t\": \"g/set\", \"stat_t\": \"g/state\", \"dev_cla\": \"garage\","
                        + " \"set_pos_t\": \"g/pos/set\", \"pos_t\": \"g/pos\"}")), "home");
        assertThat(tool(t, "home.front_door.unlock").risk()).isEqualTo(RiskTier.IRREVERSIBLE);
        assertThat(tool(t, "home.front_door.lock").risk()).isEqualTo(RiskTier.REVERSIBLE);
        assertThat(tool(t, "home.garage.open").risk()).isEqualTo(RiskTier.IRREVERSIBLE);
        assertThat(tool(t, "home.garage.close").risk()).isEqualTo(RiskTier.IRREVERSIBLE);
        assertThat(tool(t, "home.garage.stop").risk()).isEqualTo(RiskTier.REVERSIBLE);
        ParamSpec position = tool(t, "home.garage.set_position").param("position");
        assertThat(position.min()).isEqualTo(0.0);
        assertThat(position.max()).isEqualTo(100.0);
        assertThat(position.hasDefault()).isFalse();
    }

    @Test
    void sensorsBecomeReadOnlyReads() {
        DiscoveredTools t = DiscoveredTools.from(List.of(
                ha("homeassistant/sensor/hall_temp/config", "{\"stat_t\": \"h/t\", \"unit_of_meas\": \"°C\", \"dev_cla\": \"temperature\"}"),
                ha("homeassistant/binary_sensor/hall_motion/config", "{\"stat_t\": \"h/m\", \"dev_cla\": \"motion\"}")), "home");
        assertThat(t.tools().tools()).extracting(ToolDeclaration::qualifiedName).containsExactly("home.hall_motion.read", "home.hall_temp.read");
        assertThat(t.tools().tools()).allSatisfy(d -> assertThat(d.risk()).isEqualTo(RiskTier.READ));
        assertThat(tool(t, "home.hall_temp.read").doc()).contains("°C").contains("temperature");
    }

    @Test
    void objectIdsBecomePythonIdentifiers() {
        assertThat(DiscoveredTools.identifier("Kitchen-Light 2")).isEqualTo("kitchen_light_2");
        assertThat(DiscoveredTools.identifier("3d_printer")).isEqualTo("d_3d_printer");
        assertThat(DiscoveredTools.identifier("class")).isEqualTo("class_");
        assertThat(DiscoveredTools.identifier("--")).isEqualTo("device");
    }

    @Test
    void aNameTakenByTwoComponentsIsQualifiedAndATrueClashIsLeftOutWithAWarning() {
        DiscoveredTools t = DiscoveredTools.from(List.of(
                ha("homeassistant/light/porch/config", "{\"cmd_t\": \"p/set\"}"),
                ha("homeassistant/sensor/porch/config", "{\"stat_t\": \"p/t\"}"),
                ha("homeassistant/switch/a/pump/config", "{\"cmd_t\": \"s1/set\"}"),
                ha("homeassistant/switch/b/pump/config", "{\"cmd_t\": \"s2/set\"}")), "home");
        assertThat(t.devices()).containsOnlyKeys("porch_light", "porch_sensor", "pump");
        assertThat(t.warnings()).singleElement().asString()
                .isEqualTo("homeassistant/switch/b/pump/config: switch 'b_pump' would be named pump, which homeassistant/switch/a/pump/config "
                        + "already has; left out. Give one of them another object id.");
    }

    @Test
    void aDeviceWithACommandTemplateOrAnUnreadableValueTemplateIsLeftOutWithAWarning() {
        DiscoveredTools t = DiscoveredTools.from(List.of(
                ha("homeassistant/switch/heater/config", "{\"cmd_t\": \"h/set\", \"cmd_tpl\": \"{{ value | upper }}\"}"),
                ha("homeassistant/sensor/power/config", "{\"stat_t\": \"p\", \"val_tpl\": \"{{ value | float * 1000 }}\"}"),
                ha("homeassistant/sensor/energy/config", "{\"stat_t\": \"e\", \"val_tpl\": \"{{ value_json.energy.total }}\"}")), "home");
        assertThat(t.devices()).containsOnlyKeys("energy");
        assertThat(t.warnings()).hasSize(2);
        assertThat(t.warnings().get(0)).startsWith("homeassistant/sensor/power/config: sensor 'power' left out: the template "
                + "'{{ value | float * 1000 }}' is more than the binding reads");
        assertThat(t.warnings().get(1)).startsWith("homeassistant/switch/heater/config: switch 'heater' left out: its command_template");
    }

    @Test
    void valueTemplatesReadFieldsOfJsonPayloads() {
        assertThat(ValueTemplate.parse("{{ value_json.energy.total }}").apply("{\"energy\": {\"total\": 4.5}}")).isEqualTo("4.5");
        assertThat(ValueTemplate.parse("{{value_json['state']}}").apply("{\"state\": \"ON\"}")).isEqualTo("ON");
        assertThat(ValueTemplate.parse("{{ value }}").apply(" 21.5\n")).isEqualTo("21.5");
        assertThat(ValueTemplate.parse("{{ value_json.x }}").apply("not json")).isNull();
    }

    @Test
    void aNamespaceMustBeAPythonIdentifier() {
        assertThatThrownBy(() -> DiscoveredTools.from(List.of(), "my-home"))
                .hasMessage("namespace must be a Python identifier such as home, got 'my-home'");
    }
}
