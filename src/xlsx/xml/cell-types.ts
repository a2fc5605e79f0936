/** Cell types (the t attribute) as small integers, so the hot loops compare numbers. */
export const T_N = 0, T_S = 1, T_STR = 2, T_INLINE = 3, T_B = 4, T_E = 5, T_D = 6, T_OTHER = 7;
