// PostCSS for Mantine (rem/em functions, light/dark mixins, breakpoints in CSS modules).
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
