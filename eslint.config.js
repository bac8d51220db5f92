import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  typescript: true,
  formatters: false,
  ignores: ['dist', 'exports', '**/*.md'],
}, {
  // The benchmark is a command-line tool like those in scripts/, which the preset already frees.
  name: 'kit/bench-is-a-script',
  files: ['kit/bench/**/*.ts'],
  rules: {
    'antfu/no-top-level-await': 'off',
    'no-console': 'off',
  },
})
