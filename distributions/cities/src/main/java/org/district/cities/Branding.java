package org.district.cities;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the city's platform presents itself.
 *
 * @param title the site's title
 * @param logo the logo file in the profile's folder (.svg or .png), if the city has one
 * @param primary the primary colour as {@code #rrggbb}, if the city sets its colours
 * @param accent the accent colour as {@code #rrggbb}, if the city sets its colours
 */
record Branding(LocalizedText title, Optional<Path> logo, Optional<String> primary, Optional<String> accent) {
}
