/** The platform runtime's own components: nothing here is for modules to use. */
package org.district.platform.runtime.internal;
