// Fills the reminder settings' empty time zone field with this browser's own zone (an IANA name), so saving the form
// keeps the zone the person is in. The field stays editable; with JavaScript off it is simply left empty.

const field = document.querySelector('#reminder-zone[data-fill-zone="yes"]');
if (field instanceof HTMLInputElement && field.value === '') {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (typeof zone === 'string' && zone.length > 0 && zone.length <= 64) {
      field.value = zone;
    }
  } catch {
    // No Intl time zone support: the person types it, or leaves it empty for UTC.
  }
}
