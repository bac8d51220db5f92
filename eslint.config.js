import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  typescript: true,
  formatters: false,
  ignores: ['dist', 'exports', '**/*.md'],
}, {
  // The benchmark and the command's launcher are command-line tools like those in scripts/ and cli/, which the preset already frees.
  name: 'kit/command-line-tools',
  files: ['kit/bench/**/*.ts', 'kit/bin/*.js'],
  rules: {
    'antfu/no-top-level-await': 'off',
    'no-console': 'off',
  },
})
