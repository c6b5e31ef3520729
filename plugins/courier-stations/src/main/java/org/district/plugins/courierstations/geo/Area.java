package org.district.plugins.courierstations.geo;

/** A rectangle of latitude and longitude, such as one of the city's areas. */
public record Area(double south, double west, double north, double east) {

    public Area {
        if (!(south < north) || !(west < east)) {
            throw new IllegalArgumentException("an area needs south < north and west < east");
        }
    }

    public boolean contains(double lat, double lon) {
        return lat >= south && lat <= north && lon >= west && lon <= east;
    }

    /** Reads {@code south,west,north,east} in degrees. */
    public static Area parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + text + "' is not south,west,north,east");
        }
        try {
            return new Area(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                    Double.parseDouble(parts[2].strip()), Double.parseDouble(parts[3].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not south,west,north,east in degrees");
        }
    }

    @Override
    public String toString() {
        return south + "," + west + "," + north + "," + east;
    }
}
