import type { ConfigProviderThemeVars } from 'vant';

/**
 * Large type and touch targets of at least 48 px for older delegates on a 10-inch tablet
 * (Vant's defaults are sized for phones held close).
 */
export const tabletTheme: ConfigProviderThemeVars = {
  primaryColor: '#c62828',
  fontSizeSm: '15px',
  fontSizeMd: '17px',
  fontSizeLg: '19px',
  cellFontSize: '18px',
  cellLineHeight: '28px',
  cellVerticalPadding: '14px',
  fieldLabelWidth: '5em',
  buttonDefaultHeight: '48px',
  buttonNormalFontSize: '18px',
  buttonLargeHeight: '56px',
  navBarHeight: '56px',
  navBarTitleFontSize: '20px',
  tabbarHeight: '64px',
  tabbarItemFontSize: '15px',
  tabbarItemIconSize: '26px',
  tabFontSize: '18px',
  tabsLineHeight: '52px',
  emptyDescriptionFontSize: '18px',
  emptyDescriptionLineHeight: '30px',
};
