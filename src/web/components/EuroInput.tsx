// An amount in euros typed the Belgian way: 1.234,56 € (decimal comma, thousands dot, two decimals, € after).
import { NumberInput, type NumberInputProps } from '@mantine/core'

export function EuroInput(props: NumberInputProps) {
  return <NumberInput decimalScale={2} decimalSeparator="," thousandSeparator="." suffix=" €" {...props} />
}
