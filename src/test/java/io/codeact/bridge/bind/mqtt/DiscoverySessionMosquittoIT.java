package io.codeact.bridge.bind.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.codeact.bridge.transport.mqtt.Mosquitto;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated home found and driven through Debian's mosquitto: discovery, a light, the garage door (a cover that takes time). */
class DiscoverySessionMosquittoIT {
    @BeforeAll
    static void needsMosquitto() {
        assumeTrue(Mosquitto.installed(), Mosquitto.NOT_INSTALLED);
    }

    @Test
    void theHomeIsFoundAndDrivenThroughMosquitto() {
        try (Mosquitto m = Mosquitto.start(false);
                HomeFixture home = new HomeFixture(m.url(), 10.0);
                DiscoverySession s = home.session(m.url(), HomeFixture.confirming(true), Duration.ofSeconds(10))) {
            assertThat(s.problems()).isEmpty();
            assertThat(s.discovered().devices()).hasSize(21);
            String out = HomeFixture.run(s, """
                    r = home.kitchen_light.turn_on(brightness=50)
                    print(r["on"], r["brightness"])
                    g = home.garage_door.open()
                    print(g["state"], g["position"], home.garage_contact.read()["value"])
                    g = home.garage_door.close()
                    print(g["state"], g["position"])
                    """);
            assertThat(out).isEqualTo("True 50\nopen 100\nTrue\nclosed 0\n".replace("100\nTrue", "100 True"));
            assertThat(home.state("rooms", "kitchen")).containsEntry("light_on", true).containsEntry("brightness", 50.0);
            assertThat(home.state("garage")).containsEntry("state", "closed");
        }
    }
}
