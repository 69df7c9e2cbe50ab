import type zh from '../zh/members';

const members: typeof zh = {
  title: 'Party members',
};

export default members;
