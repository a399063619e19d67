package io.codeact.bridge.transport.mqtt.discovery;

import java.util.Map;

/** Home Assistant's abbreviated discovery keys (the ones the supported components use) and their full names. */
final class HomeAssistantAbbreviations {
    static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("avty_t", "availability_topic"),
            Map.entry("avty", "availability"),
            Map.entry("pl_avail", "payload_available"),
            Map.entry("pl_not_avail", "payload_not_available"),
            Map.entry("bri_cmd_t", "brightness_command_topic"),
            Map.entry("bri_stat_t", "brightness_state_topic"),
            Map.entry("bri_scl", "brightness_scale"),
            Map.entry("bri_val_tpl", "brightness_value_template"),
            Map.entry("clr_temp_cmd_t", "color_temp_command_topic"),
            Map.entry("clr_temp_stat_t", "color_temp_state_topic"),
            Map.entry("cmd_t", "command_topic"),
            Map.entry("cmd_tpl", "command_template"),
            Map.entry("dev", "device"),
            Map.entry("dev_cla", "device_class"),
            Map.entry("fx_list", "effect_list"),
            Map.entry("json_attr_t", "json_attributes_topic"),
            Map.entry("max_mirs", "max_mireds"),
            Map.entry("min_mirs", "min_mireds"),
            Map.entry("max_temp", "max_temp"),
            Map.entry("min_temp", "min_temp"),
            Map.entry("mode_cmd_t", "mode_command_topic"),
            Map.entry("mode_stat_t", "mode_state_topic"),
            Map.entry("mode_stat_tpl", "mode_state_template"),
            Map.entry("modes", "modes"),
            Map.entry("obj_id", "object_id"),
            Map.entry("opt", "optimistic"),
            Map.entry("pct_cmd_t", "percentage_command_topic"),
            Map.entry("pct_stat_t", "percentage_state_topic"),
            Map.entry("pl_arm_away", "payload_arm_away"),
            Map.entry("pl_arm_home", "payload_arm_home"),
            Map.entry("pl_disarm", "payload_disarm"),
            Map.entry("pl_cls", "payload_close"),
            Map.entry("pl_lock", "payload_lock"),
            Map.entry("pl_off", "payload_off"),
            Map.entry("pl_on", "payload_on"),
            Map.entry("pl_open", "payload_open"),
            Map.entry("pl_stop", "payload_stop"),
            Map.entry("pl_unlk", "payload_unlock"),
            Map.entry("pos_clsd", "position_closed"),
            Map.entry("pos_open", "position_open"),
            Map.entry("pos_t", "position_topic"),
            Map.entry("pr_mode_cmd_t", "preset_mode_command_topic"),
            Map.entry("pr_mode_stat_t", "preset_mode_state_topic"),
            Map.entry("pr_modes", "preset_modes"),
            Map.entry("ret", "retain"),
            Map.entry("set_pos_t", "set_position_topic"),
            Map.entry("spd_rng_max", "speed_range_max"),
            Map.entry("spd_rng_min", "speed_range_min"),
            Map.entry("stat_clsd", "state_closed"),
            Map.entry("stat_locked", "state_locked"),
            Map.entry("stat_off", "state_off"),
            Map.entry("stat_on", "state_on"),
            Map.entry("stat_open", "state_open"),
            Map.entry("stat_t", "state_topic"),
            Map.entry("stat_tpl", "state_template"),
            Map.entry("stat_unlocked", "state_unlocked"),
            Map.entry("temp_cmd_t", "temperature_command_topic"),
            Map.entry("temp_stat_t", "temperature_state_topic"),
            Map.entry("temp_step", "temp_step"),
            Map.entry("curr_temp_t", "current_temperature_topic"),
            Map.entry("uniq_id", "unique_id"),
            Map.entry("unit_of_meas", "unit_of_measurement"),
            Map.entry("val_tpl", "value_template"),
            Map.entry("name", "name"),
            Map.entry("schema", "schema"));

    private HomeAssistantAbbreviations() {}

    /** The full key for an abbreviated one; unknown keys are returned as they are. */
    static String expand(String key) {
        return KEYS.getOrDefault(key, key);
    }
}
