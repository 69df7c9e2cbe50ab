import type zh from '../zh/dues';

const dues: typeof zh = {
  title: 'Party dues',
};

export default dues;
