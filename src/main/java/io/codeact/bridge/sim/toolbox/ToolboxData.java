package io.codeact.bridge.sim.toolbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The toolbox world's fixed tables. Invented data; the tasks in simulations/tasks/toolbox.yaml depend on them. */
final class ToolboxData {
    private ToolboxData() {}

    record Flight(String date, String from, String to, String number, String departs, String arrives, double price) {}

    record Hotel(String city, String name, double price, double rating) {}

    record Product(double price, String currency, String store) {}

    /** Latitude, longitude (degrees). */
    static final Map<String, double[]> COORDINATES = new LinkedHashMap<>();

    static {
        COORDINATES.put("Lisbon", new double[] {38.72, -9.14});
        COORDINATES.put("Madrid", new double[] {40.42, -3.70});
        COORDINATES.put("Paris", new double[] {48.86, 2.35});
        COORDINATES.put("Lyon", new double[] {45.76, 4.84});
        COORDINATES.put("Marseille", new double[] {43.30, 5.37});
        COORDINATES.put("Nice", new double[] {43.70, 7.27});
        COORDINATES.put("Zurich", new double[] {47.37, 8.54});
        COORDINATES.put("Berlin", new double[] {52.52, 13.40});
        COORDINATES.put("Prague", new double[] {50.08, 14.44});
        COORDINATES.put("Vienna", new double[] {48.21, 16.37});
        COORDINATES.put("Rome", new double[] {41.90, 12.50});
        COORDINATES.put("Oslo", new double[] {59.91, 10.75});
    }

    static final List<Flight> FLIGHTS = List.of(
            new Flight("2026-12-03", "Lisbon", "Oslo", "TP1200", "07:10", "12:05", 212),
            new Flight("2026-12-03", "Lisbon", "Oslo", "SK4711", "09:40", "14:50", 189),
            new Flight("2026-12-03", "Lisbon", "Oslo", "FR8830", "13:15", "18:20", 164),
            new Flight("2026-12-04", "Lisbon", "Oslo", "FR8832", "13:15", "18:20", 99),
            new Flight("2026-12-03", "Oslo", "Lisbon", "FR8831", "19:00", "22:10", 141),
            new Flight("2026-12-05", "Berlin", "Rome", "LH230", "08:00", "10:05", 148),
            new Flight("2026-12-05", "Berlin", "Rome", "FR1022", "06:20", "08:30", 97),
            new Flight("2026-12-05", "Berlin", "Rome", "AZ433", "17:45", "19:50", 121),
            new Flight("2026-12-07", "Rome", "Berlin", "FR1023", "09:05", "11:15", 59),
            new Flight("2026-12-08", "Rome", "Berlin", "LH231", "11:00", "13:10", 155),
            new Flight("2026-12-08", "Rome", "Berlin", "FR1025", "09:05", "11:15", 112),
            new Flight("2026-12-08", "Rome", "Berlin", "U25110", "20:30", "22:40", 109),
            new Flight("2026-12-10", "Paris", "Vienna", "OS412", "07:30", "09:35", 178),
            new Flight("2026-12-10", "Paris", "Vienna", "AF1838", "12:10", "14:15", 166));

    static final List<Hotel> HOTELS = List.of(
            new Hotel("Rome", "Albergo Sole", 89, 3.8),
            new Hotel("Rome", "Hotel Colosseo", 142, 4.6),
            new Hotel("Rome", "Residenza Pantheon", 118, 4.3),
            new Hotel("Rome", "Trastevere Inn", 96, 4.1),
            new Hotel("Vienna", "Hotel Stephansdom", 130, 4.7),
            new Hotel("Vienna", "Pension Naschmarkt", 88, 4.5),
            new Hotel("Vienna", "Donau Lodge", 88, 4.6),
            new Hotel("Vienna", "Ringstrasse Suites", 210, 4.9),
            new Hotel("Vienna", "Westbahn Hostel", 41, 3.9),
            new Hotel("Oslo", "Fjord Hotel", 174, 4.4),
            new Hotel("Oslo", "Grünerløkka Rooms", 118, 4.0));

    static final Map<String, Product> PRODUCTS = new LinkedHashMap<>();

    static {
        PRODUCTS.put("desk lamp", new Product(34.90, "USD", "LumenWorks"));
        PRODUCTS.put("office chair", new Product(1890.00, "SEK", "Nordsitt"));
        PRODUCTS.put("monitor arm", new Product(62.00, "GBP", "ArmCo"));
        PRODUCTS.put("keyboard", new Product(79.00, "CHF", "Tastatur AG"));
        PRODUCTS.put("webcam", new Product(549.00, "NOK", "Fjordcam"));
    }

    /** Euros per unit of each currency. */
    static final Map<String, Double> EUR_PER_UNIT = new LinkedHashMap<>();

    static {
        EUR_PER_UNIT.put("EUR", 1.0);
        EUR_PER_UNIT.put("USD", 0.92);
        EUR_PER_UNIT.put("GBP", 1.17);
        EUR_PER_UNIT.put("SEK", 0.087);
        EUR_PER_UNIT.put("NOK", 0.085);
        EUR_PER_UNIT.put("CHF", 1.05);
    }

    static final Map<String, Integer> DISCOUNTS = Map.of("WINTER10", 10, "STAFF25", 25);

    /** Country (lower case) to capital. */
    static final Map<String, String> CAPITALS = new LinkedHashMap<>();

    static {
        CAPITALS.put("norway", "Oslo");
        CAPITALS.put("portugal", "Lisbon");
        CAPITALS.put("austria", "Vienna");
        CAPITALS.put("france", "Paris");
        CAPITALS.put("germany", "Berlin");
        CAPITALS.put("italy", "Rome");
        CAPITALS.put("spain", "Madrid");
        CAPITALS.put("czechia", "Prague");
    }

    static final Map<String, Long> POPULATION = new LinkedHashMap<>();

    static {
        POPULATION.put("Oslo", 717_710L);
        POPULATION.put("Lisbon", 548_703L);
        POPULATION.put("Vienna", 2_005_760L);
        POPULATION.put("Paris", 2_102_650L);
        POPULATION.put("Berlin", 3_878_100L);
        POPULATION.put("Rome", 2_755_309L);
        POPULATION.put("Madrid", 3_416_771L);
        POPULATION.put("Prague", 1_384_732L);
        POPULATION.put("Lyon", 522_250L);
        POPULATION.put("Marseille", 873_076L);
        POPULATION.put("Nice", 348_085L);
        POPULATION.put("Zurich", 443_037L);
    }

    /** The inbox: each message with the encoding its sender used, outermost step last. */
    static List<Map<String, Object>> inbox() {
        return List.of(
                message(1, "ops", "base64", base64("Shipment 42 leaves dock 3 at 06:30")),
                message(2, "alice", "reverse", reverse("Lunch is moved to Thursday")),
                message(3, "bob", "caesar shift 5", caesar("Team meeting at 14:15 in room Lovelace", 5)),
                message(4, "carol", "rot13", caesar("Printer on floor 2 is fixed", 13)),
                message(5, "ops", "base64, then reverse", reverse(base64("Gate code changes to 7391 on Monday"))));
    }

    private static Map<String, Object> message(int id, String from, String encoding, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("from", from);
        m.put("encoding", encoding);
        m.put("text", text);
        return m;
    }

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    /** Shifts letters by {@code shift} (mod 26), keeping case; other characters unchanged. */
    static String caesar(String s, int shift) {
        StringBuilder out = new StringBuilder(s.length());
        int k = ((shift % 26) + 26) % 26;
        for (char c : s.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                out.append((char) ('a' + (c - 'a' + k) % 26));
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) ('A' + (c - 'A' + k) % 26));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
