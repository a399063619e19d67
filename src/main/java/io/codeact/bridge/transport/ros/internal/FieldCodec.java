package io.codeact.bridge.transport.ros.internal;

/**
 * Writes and reads the value of one field. One instance per field type, built once per message type, so
 * the hot loop is a walk over an array of these with no lookups, reflection or string work.
 */
interface FieldCodec {
    /** The ROS type this codec handles, as error messages name it: {@code float64}, {@code uint8[]}, {@code nav_msgs/Odometry}. */
    String rosType();

    /** Writes {@code value} (never null). @throws CodecProblem if the value does not fit the type */
    void write(Object value, WireWriter out);

    /** Writes the zero value of the type: what a missing field becomes. */
    void writeDefault(WireWriter out);

    /** @throws CodecProblem if the bytes run out */
    Object read(WireReader in);

    /** A fresh zero value (mutable where the type is a container). */
    Object defaultValue();

    /** The fewest bytes one value can take on the wire; used to reject absurd array lengths before allocating. */
    int minSize();
}
