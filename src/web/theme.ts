import { Anchor, createTheme, Drawer, Menu, Modal, Notification, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 keeps white button text above 4.5:1 contrast (WCAG AA) in both schemes; 6 does not.
  primaryShade: { light: 7, dark: 7 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Mantine's close buttons carry only an icon: give them a name for screen readers.
    // Links inside text must not rely on colour alone.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // The focus placeholder is a role="presentation" child of role="menu", which ARIA forbids.
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close panel' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } }),
  },
});

/**
 * WCAG AA wants 4.5:1 for small text. Mantine's default dimmed grey (#868e96) is 3.3:1 on white,
 * and the text of "light" badges, alerts and avatars in these hues is 2.7–4.3:1 on their tint:
 * darker shades keep the look and pass.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // A file picker's placeholder is text on the page (not an input's placeholder attribute): gray-5 is 2.6:1, this 4.7:1.
    '--mantine-color-placeholder': '#6c757d',
    '--mantine-color-red-light-color': '#b02525',
    '--mantine-color-teal-light-color': '#066649',
    '--mantine-color-green-light-color': '#22702f',
    '--mantine-color-lime-light-color': '#426b09',
    '--mantine-color-yellow-light-color': '#8a4b00',
    '--mantine-color-orange-light-color': '#a8390b',
    // White on red-7 (#f03e3e) is 3.6:1; red buttons (archive, merge, deactivate) need 4.5:1.
    '--mantine-color-red-filled': 'var(--mantine-color-red-9)',
    '--mantine-color-red-filled-hover': '#a61e1e',
  },
  dark: {
    '--mantine-color-dimmed': '#a6a6a6',
  },
});
